// Package eval scores parley's output against gold data: parley/v1 gold
// files, PolNeAR, Emergent, FNC-1 and the PLOVER gold standard records.
package eval
