package main

import "io"

// TEMPORARY placeholders: the owner replaces this file.
func runClaim(args []string, stdin io.Reader, stdout, stderr io.Writer) int { return 1 }
func runFit(args []string, stdin io.Reader, stdout, stderr io.Writer) int   { return 1 }
func runPairs(args []string, stdin io.Reader, stdout, stderr io.Writer) int { return 1 }
