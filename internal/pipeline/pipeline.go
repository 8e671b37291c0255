package pipeline

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync"
)

// Options tunes Run.
type Options struct {
	// Workers is the number of goroutines running the work function; zero
	// or less means runtime.GOMAXPROCS(0).
	Workers int
	// Window bounds the items in flight: at most Window+1 items are read
	// and not yet emitted (the last one waiting for room). Zero or less
	// means 4 × Workers; it is raised to Workers when smaller.
	Window int
}

func (o Options) normalize() Options {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Window <= 0 {
		o.Window = 4 * o.Workers
	}
	o.Window = max(o.Window, o.Workers)
	return o
}

// task is one item on its way through the workers, with the channel its
// result comes back on.
type task[In, Out any] struct {
	in  In
	out chan Out
}

// Run calls next until it returns io.EOF, applies work to every item on
// opt.Workers goroutines and calls emit with the results in the order next
// returned the items. It returns the first error of next (other than
// io.EOF) or emit, or the context's error; emit is never called after an
// error. work must be safe for concurrent use; next and emit are called
// from one goroutine each.
func Run[In, Out any](ctx context.Context, opt Options, next func() (In, error),
	work func(In) Out, emit func(Out) error) error {
	opt = opt.normalize()
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// A buffered task queue lets the reader run ahead of the workers, so
	// that a worker that finishes does not wait for the next input to be
	// read; the order channel still bounds the items in flight to Window.
	tasks := make(chan task[In, Out], opt.Workers)
	// order holds the result channels in input order; its capacity bounds
	// the number of items in flight.
	order := make(chan chan Out, opt.Window-1)

	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Go(func() {
			for t := range tasks {
				t.out <- work(t.in)
			}
		})
	}

	var readErr error
	wg.Go(func() {
		defer close(order)
		defer close(tasks)
		for {
			in, err := next()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					readErr = err
				}
				return
			}
			t := task[In, Out]{in: in, out: make(chan Out, 1)}
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
		var out Out
		select {
		case out = <-ch:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		if emitErr = emit(out); emitErr != nil {
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
