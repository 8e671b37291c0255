package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// counter returns a next function yielding 0, 1, ..., n-1 and then io.EOF.
func counter(n int) func() (int, error) {
	i := 0
	return func() (int, error) {
		if i == n {
			return 0, io.EOF
		}
		i++
		return i - 1, nil
	}
}

func TestRunOrder(t *testing.T) {
	for _, tc := range []struct {
		name            string
		workers, window int
		n               int
		batch           int
	}{
		{"one worker", 1, 0, 200, 0},
		{"four workers", 4, 0, 500, 0},
		{"window smaller than workers", 8, 2, 300, 0},
		{"empty input", 3, 0, 0, 0},
		{"batches of seven", 3, 0, 500, 7},
		{"batches of seven, one worker", 1, 1, 200, 7},
		{"batches, empty input", 2, 0, 0, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 2))
			delays := make([]time.Duration, tc.n)
			for i := range delays {
				delays[i] = time.Duration(rng.IntN(200)) * time.Microsecond
			}
			var got []string
			opt := Options[int]{Workers: tc.workers, Window: tc.window, Batch: tc.batch,
				Ready: func() bool { return true }}
			err := Run(context.Background(), opt, counter(tc.n),
				func(i int) string {
					time.Sleep(delays[i])
					return fmt.Sprint(i * i)
				},
				func(s string) error { got = append(got, s); return nil })
			require.NoError(t, err)
			require.Len(t, got, tc.n, "workers %d", tc.workers)
			for i, s := range got {
				assert.Equal(t, fmt.Sprint(i*i), s, "item %d, workers %d", i, tc.workers)
			}
		})
	}
}

func TestRunBoundedWindow(t *testing.T) {
	for _, tc := range []struct{ workers, window, batch int }{{1, 1, 0}, {2, 0, 0}, {4, 6, 0}, {2, 0, 5}} {
		opt := Options[int]{Workers: tc.workers, Window: tc.window, Batch: tc.batch,
			Ready: func() bool { return true }}.normalize()
		var read, emitted, peak atomic.Int64
		next := counter(300)
		err := Run(context.Background(), opt,
			func() (int, error) {
				i, err := next()
				if err == nil {
					if d := read.Add(1) - emitted.Load(); d > peak.Load() {
						peak.Store(d)
					}
				}
				return i, err
			},
			func(i int) int {
				if i%50 == 0 {
					time.Sleep(2 * time.Millisecond) // a slow item at the head
				}
				return i
			},
			func(int) error { emitted.Add(1); return nil })
		require.NoError(t, err)
		assert.EqualValues(t, 300, emitted.Load())
		// One batch more than the window may be read while the reader
		// waits for room.
		assert.LessOrEqual(t, peak.Load(), int64((opt.Window+1)*opt.Batch), "workers %d window %d batch %d",
			tc.workers, opt.Window, opt.Batch)
	}
}

func TestRunErrors(t *testing.T) {
	errRead, errEmit := errors.New("read failed"), errors.New("emit failed")
	t.Run("next error after some items", func(t *testing.T) {
		next := counter(10)
		var got []int
		err := Run(context.Background(), Options[int]{Workers: 3},
			func() (int, error) {
				i, err := next()
				if i == 5 {
					return 0, errRead
				}
				return i, err
			},
			func(i int) int { return i },
			func(i int) error { got = append(got, i); return nil })
		require.ErrorIs(t, err, errRead)
		assert.Equal(t, []int{0, 1, 2, 3, 4}, got)
	})
	t.Run("next error in the middle of a batch", func(t *testing.T) {
		next := counter(10)
		var got []int
		err := Run(context.Background(), Options[int]{Workers: 2, Batch: 4, Ready: func() bool { return true }},
			func() (int, error) {
				i, err := next()
				if i == 6 {
					return 0, errRead
				}
				return i, err
			},
			func(i int) int { return i },
			func(i int) error { got = append(got, i); return nil })
		require.ErrorIs(t, err, errRead)
		assert.Equal(t, []int{0, 1, 2, 3, 4, 5}, got, "the items read before the error")
	})
	t.Run("emit error stops the run", func(t *testing.T) {
		var calls int
		err := Run(context.Background(), Options[int]{Workers: 2}, counter(1000),
			func(i int) int { return i },
			func(i int) error {
				calls++
				if i == 7 {
					return errEmit
				}
				return nil
			})
		require.ErrorIs(t, err, errEmit)
		assert.Equal(t, 8, calls)
	})
	t.Run("cancelled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		var calls int
		err := Run(ctx, Options[int]{Workers: 2}, func() (int, error) { return 1, nil },
			func(i int) int { return i },
			func(int) error {
				calls++
				if calls == 20 {
					cancel()
				}
				return nil
			})
		require.ErrorIs(t, err, context.Canceled)
		assert.GreaterOrEqual(t, calls, 20)
	})
}

// TestRunBatchSize checks, through readBatch, that a batch is handed on
// once its items reach BatchSize, and holds at most Batch items.
func TestRunBatchSize(t *testing.T) {
	var sizes []int
	next := counter(30)
	opt := Options[int]{Batch: 8, BatchSize: 10, Size: func(i int) int { return i },
		Ready: func() bool { return true }}.normalize()
	for {
		b, done, err := readBatch(opt, next)
		require.NoError(t, err)
		if len(b) > 0 {
			sizes = append(sizes, len(b))
		}
		if done {
			break
		}
	}
	// 0..4 (sum 10), 5..6 (11), 7..8, 9..10, then one item each from 11 on.
	assert.Equal(t, []int{5, 2, 2, 2}, sizes[:4])
	assert.Len(t, sizes, 4+19)
	for _, n := range sizes {
		assert.LessOrEqual(t, n, 8)
	}
}

// TestRunSlowInput is the coprocess case: each item is only written once
// the result of the one before has come out. With Ready reporting that
// nothing is at hand, no item waits in a half-full batch, so the run
// finishes instead of waiting forever.
func TestRunSlowInput(t *testing.T) {
	const n = 20
	emitted := make(chan int, n)
	i := 0
	next := func() (int, error) {
		if i == n {
			return 0, io.EOF
		}
		if i > 0 {
			select {
			case <-emitted:
			case <-time.After(5 * time.Second):
				return 0, errors.New("item held back: the result of the one before never came")
			}
		}
		i++
		return i - 1, nil
	}
	var got []int
	err := Run(context.Background(), Options[int]{Workers: 2, Batch: 16, Ready: func() bool { return false }},
		next, func(i int) int { return i },
		func(i int) error { got = append(got, i); emitted <- i; return nil })
	require.NoError(t, err)
	assert.Len(t, got, n)
}

func BenchmarkRun(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		err := Run(context.Background(), Options[int]{}, counter(1000),
			func(i int) int { return i }, func(int) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
}
