package parleybeam

import (
	"context"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

// The DoFns and element types are registered so that a worker binary
// (Dataflow, Flink, Spark) can rebuild them, and so that the SDK calls
// them without reflection.
func init() {
	beam.RegisterType(reflect.TypeFor[Doc]())
	beam.RegisterType(reflect.TypeFor[Record]())
	beam.RegisterType(reflect.TypeFor[PairSum]())

	register.DoFn3x1[context.Context, fileio.ReadableFile, func(Doc), error](&splitFn{})
	register.Emitter1[Doc]()
	register.DoFn4x1[context.Context, Doc, func(Record), func(string, PairSum), error](&analyzeFn{})
	register.Emitter1[Record]()
	register.Emitter2[string, PairSum]()
	register.Combiner1[PairSum](&pairCombineFn{})
	register.DoFn3x1[context.Context, []byte, func(*Record) bool, error](&writeRecordsFn{})
	register.Iter1[Record]()
	register.DoFn3x1[context.Context, []byte, func(*string, *PairSum) bool, error](&writePairsFn{})
	register.Iter2[string, PairSum]()
}
