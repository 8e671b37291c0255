// Package recenc encodes parley/v1 records (parley.Document and
// parley.ErrorRecord) as JSON without reflection, appending to a
// caller-owned buffer.
//
// # Contract
//
// The output is byte-identical to json.Marshal of the same value; the Beam
// pipeline and the tests compare records byte for byte. The encoder follows
// encoding/json exactly:
//
//   - fields in struct order, with the same omitempty rules: an empty
//     lexicon_version, text or meta, a zero line, a nil error and a false
//     optional are left out;
//   - nil slices and nil pointers are null, empty slices are [];
//   - strings are escaped as json.Marshal does with HTML escaping on:
//     '"' and '\\', the short escapes \b \f \n \r \t, other control bytes
//     and '<', '>', '&' as \u00XX, U+2028 and U+2029 as \u2028 and \u2029,
//     and each byte of invalid UTF-8 as \ufffd;
//   - floats in the shortest form that round-trips, in 'f' format except
//     when the absolute value is below 1e-6 or at least 1e21, where the 'e'
//     format is used with a one-digit negative exponent written "e-7", not
//     "e-07";
//   - meta members in sorted key order, each json.RawMessage value
//     compacted (whitespace outside strings removed) with '<', '>', '&',
//     U+2028 and U+2029 escaped, and a nil value written as null.
//
// # Errors
//
// Where json.Marshal fails, AppendDocument fails too and returns dst
// unchanged: a NaN or infinite float (the passes never produce one; a
// record holding one is a bug, and JSON cannot represent it) gives an
// *UnsupportedValueError, and a meta value that is not valid JSON gives a
// *MetaError. The error values differ from encoding/json's; only the fact
// of failing is part of the contract. An ErrorRecord holds only strings and
// an int, so AppendErrorRecord cannot fail.
//
// # Cost
//
// Encoding reuses the caller's buffer and allocates nothing for a record
// without meta (a small slice of sorted keys otherwise). See
// BenchmarkAppendDocument in this package, and BenchmarkMarshalRecord
// (json.Marshal against this encoder) in the repository's root package.
package recenc
