package dev.kaniko.core.dockerfile.instructions;

/**
 * A COPY/ADD source given as a heredoc: the file {@code name} gets {@code content} (leading tabs
 * already stripped for {@code <<-}); {@code expand} says whether variables in it are expanded.
 */
public record InlineSource(String name, String content, boolean expand) {}
