package pipeline

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync"
)

// Options tunes Run for items of type In.
type Options[In any] struct {
	// Workers is the number of goroutines running the work function; zero
	// or less means runtime.GOMAXPROCS(0).
	Workers int
	// Window bounds the batches in flight: at most Window+1 batches are
	// read and not yet emitted (the last one waiting for room). Zero or
	// less means 4 × Workers; it is raised to Workers when smaller.
	Window int
	// Batch is the most items handed to a worker at once; zero or less
	// means 1. Batches cut the hand-offs between the reading, working and
	// emitting goroutines, each of which can wake a thread and move work
	// between cores, from one per item to one per batch.
	Batch int
	// BatchSize bounds the total Size of a batch: a batch is handed on as
	// soon as it reaches it, so that in-flight memory stays bounded by the
	// window whatever the batch length. Zero or less: no bound.
	BatchSize int
	// Size returns the size of an item for BatchSize; nil counts 0.
	Size func(In) int
	// Ready reports whether next would return an item without waiting for
	// input. A batch is handed on as soon as it does not, so that no item
	// read is held back while the input is slow (a caller feeding one item
	// and waiting for its result gets it). nil means never: batches of
	// one item.
	Ready func() bool
}

func (o Options[In]) normalize() Options[In] {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Window <= 0 {
		o.Window = 4 * o.Workers
	}
	o.Window = max(o.Window, o.Workers)
	o.Batch = max(o.Batch, 1)
	return o
}

// task is one batch on its way through the workers, with the channel its
// results come back on.
type task[In, Out any] struct {
	in  []In
	out chan []Out
}

// Run calls next until it returns io.EOF, applies work to every item on
// opt.Workers goroutines and calls emit with the results in the order next
// returned the items. It returns the first error of next (other than
// io.EOF) or emit, or the context's error; emit is never called after an
// error. The items read before an error of next are worked on and
// emitted. work must be safe for concurrent use; next, opt.Ready and emit
// are called from one goroutine each.
func Run[In, Out any](ctx context.Context, opt Options[In], next func() (In, error),
	work func(In) Out, emit func(Out) error) error {
	opt = opt.normalize()
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// A buffered task queue lets the reader run ahead of the workers, so
	// that a worker that finishes does not wait for the next input to be
	// read; the order channel still bounds the batches in flight to Window.
	tasks := make(chan task[In, Out], opt.Workers)
	// order holds the result channels in input order; its capacity bounds
	// the number of batches in flight.
	order := make(chan chan []Out, opt.Window-1)

	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Go(func() {
			for t := range tasks {
				outs := make([]Out, len(t.in))
				for i, in := range t.in {
					outs[i] = work(in)
				}
				t.out <- outs
			}
		})
	}

	var readErr error
	wg.Go(func() {
		defer close(order)
		defer close(tasks)
		for done := false; !done; {
			var batch []In
			batch, done, readErr = readBatch(opt, next)
			if len(batch) == 0 {
				continue
			}
			t := task[In, Out]{in: batch, out: make(chan []Out, 1)}
			select {
			case order <- t.out:
			case <-ctx.Done():
				return
			}
			select {
			case tasks <- t:
			case <-ctx.Done():
				return
			}
		}
	})

	var emitErr error
	for ch := range order {
		var outs []Out
		select {
		case outs = <-ch:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		for _, out := range outs {
			if emitErr = emit(out); emitErr != nil {
				break
			}
		}
		if emitErr != nil {
			break
		}
	}
	cancel()
	// Drain so that the reader is not blocked on a full order channel.
	for range order {
	}
	wg.Wait()
	switch {
	case emitErr != nil:
		return emitErr
	case parent.Err() != nil:
		return context.Cause(parent)
	}
	return readErr
}

// readBatch reads the next batch: at least one item unless the input
// ends, then more while the batch has room and opt.Ready says the next
// item is at hand. done reports the end of the input (err: its error,
// nil for io.EOF); the batch holds the items read before it.
func readBatch[In any](opt Options[In], next func() (In, error)) (batch []In, done bool, err error) {
	size := 0
	for {
		in, err := next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = nil
			}
			return batch, true, err
		}
		if batch == nil {
			batch = make([]In, 0, opt.Batch)
		}
		batch = append(batch, in)
		if opt.Size != nil {
			size += opt.Size(in)
		}
		if len(batch) >= opt.Batch || opt.BatchSize > 0 && size >= opt.BatchSize ||
			opt.Ready == nil || !opt.Ready() {
			return batch, false, nil
		}
	}
}
