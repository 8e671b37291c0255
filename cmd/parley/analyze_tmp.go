package main

import "io"

// TEMPORARY placeholders: the owner replaces this file.
func runAnalyze(args []string, stdin io.Reader, stdout, stderr io.Writer) int { return 1 }
func runLexicon(args []string, stdin io.Reader, stdout, stderr io.Writer) int { return 1 }
func runVersion(args []string, stdin io.Reader, stdout, stderr io.Writer) int { return 1 }
