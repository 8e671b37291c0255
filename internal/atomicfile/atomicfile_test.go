package atomicfile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func TestCommitAndAbort(t *testing.T) {
	for _, tc := range []struct {
		name   string
		commit bool
		want   string // content of out.jsonl after the run; "" = the old content
	}{
		{"commit replaces", true, "new\n"},
		{"abort keeps the old file", false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.jsonl")
			require.NoError(t, os.WriteFile(path, []byte("old\n"), 0o644))
			f, err := Create(path, 0o640)
			require.NoError(t, err)
			_, err = f.Write([]byte("new\n"))
			require.NoError(t, err)
			// Before the end the target is untouched and the bytes sit in a hidden file.
			b, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, "old\n", string(b))
			assert.Len(t, dirNames(t, dir), 2)
			if tc.commit {
				require.NoError(t, f.Commit())
			}
			require.NoError(t, f.Abort())
			want := tc.want
			if want == "" {
				want = "old\n"
			}
			b, err = os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, want, string(b))
			assert.Equal(t, []string{"out.jsonl"}, dirNames(t, dir))
			if tc.commit {
				st, err := os.Stat(path)
				require.NoError(t, err)
				assert.Equal(t, os.FileMode(0o640), st.Mode().Perm())
			}
			_, err = f.Write([]byte("late"))
			require.ErrorIs(t, err, ErrDone)
			require.ErrorIs(t, f.Commit(), ErrDone)
		})
	}
}

func TestCreateErrors(t *testing.T) {
	_, err := Create(filepath.Join(t.TempDir(), "missing-dir", "out.jsonl"), 0o644)
	require.Error(t, err)
}

func TestCommitOntoDirectoryFails(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "sub")
	require.NoError(t, os.Mkdir(target, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(target, "x"), nil, 0o644))
	f, err := Create(target, 0o644)
	require.NoError(t, err)
	require.Error(t, f.Commit())
	assert.Equal(t, []string{"sub"}, dirNames(t, dir), "the temporary file is removed")
}
