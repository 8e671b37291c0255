// Package pipeline runs a function over a stream of items on several
// goroutines and hands the results on in input order.
//
// # Order and determinism
//
// Results are emitted in exactly the order the items were read, whatever
// the number of workers, so a program whose work function is deterministic
// writes the same bytes with one worker or with many.
//
// # Memory
//
// At most a bounded number of items are in flight at once (read but not
// yet emitted): Run never reads ahead of a slow item by more than its
// window, so memory does not grow with the length of the stream.
//
// # Errors and cancellation
//
// Run stops at the first error from next or emit, or when the context is
// cancelled; it waits for its goroutines before it returns.
package pipeline
