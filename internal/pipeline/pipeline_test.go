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
	}{
		{"one worker", 1, 0, 200},
		{"four workers", 4, 0, 500},
		{"window smaller than workers", 8, 2, 300},
		{"empty input", 3, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 2))
			delays := make([]time.Duration, tc.n)
			for i := range delays {
				delays[i] = time.Duration(rng.IntN(200)) * time.Microsecond
			}
			var got []string
			err := Run(context.Background(), Options{Workers: tc.workers, Window: tc.window}, counter(tc.n),
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
	for _, tc := range []struct{ workers, window int }{{1, 1}, {2, 0}, {4, 6}} {
		opt := Options{Workers: tc.workers, Window: tc.window}.normalize()
		var read, emitted, peak atomic.Int64
		next := counter(300)
		err := Run(context.Background(), Options{Workers: tc.workers, Window: tc.window},
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
		// One item more than the window may be read while the reader waits
		// for room.
		assert.LessOrEqual(t, peak.Load(), int64(opt.Window+1), "workers %d window %d", tc.workers, opt.Window)
	}
}

func TestRunErrors(t *testing.T) {
	errRead, errEmit := errors.New("read failed"), errors.New("emit failed")
	t.Run("next error after some items", func(t *testing.T) {
		next := counter(10)
		var got []int
		err := Run(context.Background(), Options{Workers: 3},
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
	t.Run("emit error stops the run", func(t *testing.T) {
		var calls int
		err := Run(context.Background(), Options{Workers: 2}, counter(1000),
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
		err := Run(ctx, Options{Workers: 2}, func() (int, error) { return 1, nil },
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

func BenchmarkRun(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		err := Run(context.Background(), Options{}, counter(1000),
			func(i int) int { return i }, func(int) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
}
