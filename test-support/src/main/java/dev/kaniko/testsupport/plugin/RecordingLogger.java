package dev.kaniko.testsupport.plugin;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link System.Logger} that keeps every line at every level, for scanning logs for secrets. */
public final class RecordingLogger implements System.Logger {

  private final List<String> lines = new CopyOnWriteArrayList<>();

  public List<String> lines() {
    return lines;
  }

  @Override
  public String getName() {
    return "test";
  }

  @Override
  public boolean isLoggable(Level level) {
    return true;
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    lines.add(level + " " + msg + (thrown == null ? "" : " " + thrown));
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    lines.add(level + " " + (params == null ? format : MessageFormat.format(format, params)));
  }
}
