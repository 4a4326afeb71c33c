package dev.kaniko.core.extract;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Watches the tar byte stream on its way to commons-compress and keeps each entry's PAX records
 * as raw bytes: commons-compress decodes PAX values as UTF-8, which corrupts binary xattr values
 * such as security.capability. Also counts the bytes consumed.
 */
final class RawPaxTap extends FilterInputStream {
  private static final int RECORD = 512;
  private static final int MAX_CAPTURE = 1 << 20;

  private final byte[] header = new byte[RECORD];
  private final byte[] scratch = new byte[8192];
  private int headerFill;
  /** Bytes of data (padded) still to pass before the next header; extension headers first. */
  private long dataRemaining;
  private long dataSize;
  private boolean extensionPending;
  private ByteArrayOutputStream capture;
  private Map<String, byte[]> pending = Map.of();
  private Map<String, byte[]> current = Map.of();
  private long count;

  RawPaxTap(InputStream in) {
    super(in);
  }

  /** Raw PAX records of the entry whose header was read last. */
  Map<String, byte[]> currentRecords() {
    return current;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      observe(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      observe(buffer, offset, n);
    }
    return n;
  }

  /** Skips by reading, so that every byte passes the parser. */
  @Override
  public long skip(long n) throws IOException {
    long skipped = 0;
    while (skipped < n) {
      int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  private void observe(byte[] buffer, int offset, int length) {
    count += length;
    int pos = offset;
    int end = offset + length;
    while (pos < end) {
      if (dataRemaining > 0) {
        int n = (int) Math.min(dataRemaining, end - pos);
        captureData(buffer, pos, n);
        dataRemaining -= n;
        pos += n;
        if (dataRemaining == 0) {
          finishData();
        }
      } else {
        int n = Math.min(RECORD - headerFill, end - pos);
        System.arraycopy(buffer, pos, header, headerFill, n);
        headerFill += n;
        pos += n;
        if (headerFill == RECORD) {
          headerFill = 0;
          onRecord();
        }
      }
    }
  }

  private void captureData(byte[] buffer, int pos, int n) {
    if (capture == null) {
      return;
    }
    long consumed = padded(dataSize) - dataRemaining;
    int wanted = (int) Math.max(0, Math.min(n, dataSize - consumed));
    capture.write(buffer, pos, wanted);
  }

  private void onRecord() {
    if (extensionPending) {
      extensionPending = header[504] != 0;
      startData();
      return;
    }
    if (isZero()) {
      return;
    }
    byte type = header[156];
    dataSize = size();
    if (type == 'x' || type == 'X') {
      capture = dataSize <= MAX_CAPTURE ? new ByteArrayOutputStream((int) dataSize) : null;
    } else {
      capture = null;
      if (type != 'g' && type != 'L' && type != 'K') {
        current = pending;
        pending = Map.of();
        dataSize = paxSize(current, dataSize);
      }
      extensionPending = type == 'S' && header[482] != 0;
    }
    startData();
  }

  private void startData() {
    if (extensionPending) {
      return;
    }
    dataRemaining = padded(dataSize);
    if (dataRemaining == 0) {
      finishData();
    }
  }

  private void finishData() {
    if (capture != null) {
      pending = parseRecords(capture.toByteArray());
      capture = null;
    }
  }

  private static long paxSize(Map<String, byte[]> records, long headerSize) {
    byte[] size = records.get("size");
    if (size == null) {
      return headerSize;
    }
    try {
      return Long.parseLong(new String(size, StandardCharsets.US_ASCII).trim());
    } catch (NumberFormatException e) {
      return headerSize;
    }
  }

  private boolean isZero() {
    for (byte b : header) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** The size field: octal, or base-256 (GNU/star) when the high bit of its first byte is set. */
  private long size() {
    if ((header[124] & 0x80) != 0) {
      long value = header[124] & 0x7f;
      for (int i = 125; i < 136; i++) {
        value = (value << 8) | (header[i] & 0xff);
      }
      return value;
    }
    long value = 0;
    for (int i = 124; i < 136; i++) {
      int c = header[i];
      if (c >= '0' && c <= '7') {
        value = value * 8 + (c - '0');
      } else if (value > 0 || c == 0) {
        break;
      }
    }
    return value;
  }

  private static long padded(long size) {
    return (size + RECORD - 1) / RECORD * RECORD;
  }

  /** Parses "LEN key=value\n" records; values stay raw bytes. Malformed data yields no records. */
  static Map<String, byte[]> parseRecords(byte[] data) {
    Map<String, byte[]> records = new HashMap<>();
    int pos = 0;
    while (pos < data.length) {
      int space = indexOf(data, (byte) ' ', pos);
      if (space < 0) {
        break;
      }
      int length;
      try {
        length = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        break;
      }
      int end = pos + length;
      int equals = indexOf(data, (byte) '=', space + 1);
      if (length <= 0 || end > data.length || equals < 0 || equals >= end) {
        break;
      }
      String key = new String(data, space + 1, equals - space - 1, StandardCharsets.UTF_8);
      byte[] value = new byte[end - 1 - (equals + 1)];
      System.arraycopy(data, equals + 1, value, 0, value.length);
      records.put(key, value);
      pos = end;
    }
    return records;
  }

  private static int indexOf(byte[] data, byte b, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
