package dev.kaniko.core.dockerfile.instructions;

/** An invalid instruction; the caller adds the Dockerfile location. */
final class InstructionException extends Exception {
  private static final long serialVersionUID = 1L;

  InstructionException(String message) {
    super(message, null, false, false);
  }
}
