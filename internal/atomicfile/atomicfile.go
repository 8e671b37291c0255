// Package atomicfile writes a file so that it appears whole or not at all:
// the bytes go to a temporary file in the same directory, which is renamed
// over the target only when Commit is called.
//
// # Crashes
//
// A run that is killed before Commit leaves the target untouched; only a
// hidden temporary file named ".NAME.tmp-*" may remain beside it (Abort
// removes it when the program can still clean up).
package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrDone is returned by Write, Commit and Abort after Commit or Abort.
var ErrDone = errors.New("atomicfile: already committed or aborted")

// File is a file being written. It is not safe for concurrent use.
type File struct {
	f    *os.File
	path string
	perm os.FileMode
	done bool
}

// Create starts writing path; the result gets permissions perm when it is
// committed.
func Create(path string, perm os.FileMode) (*File, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("atomicfile: %w", err)
	}
	return &File{f: f, path: path, perm: perm}, nil
}

// Write writes to the temporary file.
func (a *File) Write(p []byte) (int, error) {
	if a.done {
		return 0, ErrDone
	}
	return a.f.Write(p)
}

// Commit flushes the temporary file to disk and renames it to the target.
// On error the temporary file is removed and the target is untouched.
func (a *File) Commit() error {
	if a.done {
		return ErrDone
	}
	a.done = true
	err := a.f.Chmod(a.perm)
	if err == nil {
		err = a.f.Sync()
	}
	if cerr := a.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(a.f.Name(), a.path)
	}
	if err != nil {
		_ = os.Remove(a.f.Name()) // best effort: the error to report is err
		return fmt.Errorf("atomicfile: %w", err)
	}
	return nil
}

// Abort discards the temporary file; the target is untouched. It may be
// called after Commit (it then does nothing), so it can be deferred.
func (a *File) Abort() error {
	if a.done {
		return nil
	}
	a.done = true
	err := a.f.Close()
	if rerr := os.Remove(a.f.Name()); err == nil {
		err = rerr
	}
	if err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	return nil
}
