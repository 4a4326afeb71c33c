package dev.kaniko.core.dockerfile.instructions;

/** Where an instruction came from: its 1-based first and last line and its original text. */
public record Source(int startLine, int endLine, String original) {}
