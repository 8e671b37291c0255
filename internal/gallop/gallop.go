// Package gallop searches sorted lists from a hint.
package gallop

// Search returns the index of the first element of s that before
// rejects, the elements it accepts all coming first, as sort.Search
// would. It searches outwards from hint, where a caller's last search
// ended: when searches ask about nearby places one after another, a few
// probes near hint settle each, where a binary search over the whole list
// would probe far away, at branches the processor cannot predict. The
// cost is logarithmic in the distance from hint.
func Search[T any](s []T, hint int, before func(*T) bool) int {
	n := len(s)
	hint = min(max(hint, 0), n)
	lo, hi := hint, hint
	if hint < n && before(&s[hint]) {
		lo, hi = hint+1, n
		for step := 1; lo < n; step *= 2 {
			if p := min(lo+step-1, n-1); before(&s[p]) {
				lo = p + 1
			} else {
				hi = p
				break
			}
		}
	} else {
		lo = 0
		for step := 1; hi > 0; step *= 2 {
			if p := max(hi-step, 0); !before(&s[p]) {
				hi = p
			} else {
				lo = p + 1
				break
			}
		}
	}
	for lo < hi {
		if h := int(uint(lo+hi) >> 1); before(&s[h]) {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}
