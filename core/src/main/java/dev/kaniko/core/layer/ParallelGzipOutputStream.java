package dev.kaniko.core.layer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * pigz-style gzip: the input is cut into fixed-size blocks that are deflated in parallel (each
 * primed with the previous block's last 32 KiB as dictionary and ended with a sync flush), then
 * concatenated in order into ONE gzip member with the CRC computed over the whole input. The output
 * does not depend on the thread count, so it stays reproducible across machines.
 */
final class ParallelGzipOutputStream extends OutputStream {
  private static final int DICT_SIZE = 32 * 1024;
  private static final AtomicInteger POOL_ID = new AtomicInteger();

  private final OutputStream out;
  private final int level;
  private final int blockSize;
  private final ExecutorService pool;
  private final int maxPending;
  private final Deque<Future<byte[]>> pending = new ArrayDeque<>();
  private final CRC32 crc = new CRC32();
  private final ThreadLocal<Deflater> deflaters;
  private byte[] block;
  private int fill;
  private byte[] dictionary;
  private long totalIn;
  private boolean closed;

  ParallelGzipOutputStream(OutputStream out, int level, int threads, int blockSize)
      throws IOException {
    this.out = out;
    this.level = level;
    this.blockSize = blockSize;
    this.block = new byte[blockSize];
    this.maxPending = Math.max(2, threads * 2);
    this.pool = threads > 1 ? newPool(threads) : null;
    this.deflaters = ThreadLocal.withInitial(() -> new Deflater(this.level, true));
    writeHeader();
  }

  private static ExecutorService newPool(int threads) {
    int id = POOL_ID.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "layer-gzip-" + id + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  private void writeHeader() throws IOException {
    // magic, deflate, no flags, mtime 0, no extra flags, OS unknown
    out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    while (len > 0) {
      int n = Math.min(len, blockSize - fill);
      System.arraycopy(b, off, block, fill, n);
      fill += n;
      off += n;
      len -= n;
      if (fill == blockSize) {
        submitBlock(false);
      }
    }
  }

  private void submitBlock(boolean last) throws IOException {
    byte[] data = block;
    int len = fill;
    byte[] dict = dictionary;
    crc.update(data, 0, len);
    totalIn += len;
    if (len >= DICT_SIZE) {
      dictionary = Arrays.copyOfRange(data, len - DICT_SIZE, len);
    }
    if (pool == null) {
      out.write(deflate(data, len, dict, last));
    } else {
      pending.addLast(pool.submit(() -> deflate(data, len, dict, last)));
      drain(maxPending);
    }
    block = last ? null : new byte[blockSize];
    fill = 0;
  }

  private byte[] deflate(byte[] data, int len, byte[] dict, boolean last) {
    Deflater d = deflaters.get();
    d.reset();
    if (dict != null) {
      d.setDictionary(dict);
    }
    d.setInput(data, 0, len);
    if (last) {
      d.finish();
    }
    byte[] buf = new byte[len + len / 8 + 1024];
    int total = 0;
    int flush = last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH;
    while (true) {
      if (total == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      int n = d.deflate(buf, total, buf.length - total, flush);
      total += n;
      boolean done = last ? d.finished() : total < buf.length && d.needsInput();
      if (done) {
        break;
      }
    }
    return Arrays.copyOf(buf, total);
  }

  /** Writes finished blocks in order until at most {@code keep - 1} are pending. */
  private void drain(int keep) throws IOException {
    while (!pending.isEmpty() && (pending.size() >= keep || pending.peekFirst().isDone())) {
      out.write(await(pending.removeFirst()));
    }
  }

  private static byte[] await(Future<byte[]> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while compressing a layer");
    } catch (ExecutionException e) {
      throw new IOException("gzip compression failed", e.getCause());
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
  }

  @Override
  public void flush() throws IOException {
    // Blocks are emitted whole; a flush here would change the output, so only the sink is flushed.
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    try {
      submitBlock(true);
      drain(1);
      writeTrailer();
      closed = true;
      out.close();
    } finally {
      closed = true;
      if (pool != null) {
        pool.shutdownNow();
      } else {
        deflaters.get().end();
        deflaters.remove();
      }
    }
  }

  private void writeTrailer() throws IOException {
    long c = crc.getValue();
    long size = totalIn & 0xffffffffL;
    out.write(new byte[] {
        (byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
        (byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)});
  }
}
