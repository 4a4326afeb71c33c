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
 * does not depend on the thread count, so it stays reproducible across machines. Block buffers
 * are pooled: memory is about {@code 2 × blockSize × (2 × threads + 1)} whatever the input size.
 */
final class ParallelGzipOutputStream extends OutputStream {
  private static final int DICT_SIZE = 32 * 1024;
  private static final AtomicInteger POOL_ID = new AtomicInteger();

  /** One block: its input, its compressed output, and the task filling the output. */
  private static final class Job {
    final byte[] input;
    byte[] output;
    int inputLength;
    int outputLength;
    byte[] dictionary;
    boolean last;
    Future<?> task;

    Job(int blockSize) {
      input = new byte[blockSize];
      output = new byte[blockSize + blockSize / 8 + 1024];
    }
  }

  private final OutputStream out;
  private final int level;
  private final int blockSize;
  private final int threads;
  /** Started with the second block: a layer of one block (most) is deflated on the caller. */
  private ExecutorService pool;
  private final int maxPending;
  private final Deque<Job> pending = new ArrayDeque<>();
  private final Deque<Job> free = new ArrayDeque<>();
  private final CRC32 crc = new CRC32();
  private final ThreadLocal<Deflater> deflaters;
  private Job current;
  private byte[] dictionary;
  private long totalIn;
  private boolean closed;

  ParallelGzipOutputStream(OutputStream out, int level, int threads, int blockSize)
      throws IOException {
    this.out = out;
    this.level = level;
    this.blockSize = blockSize;
    this.maxPending = Math.max(2, threads * 2);
    this.threads = threads;
    this.deflaters = ThreadLocal.withInitial(() -> new Deflater(this.level, true));
    this.current = new Job(blockSize);
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
      int n = Math.min(len, blockSize - current.inputLength);
      System.arraycopy(b, off, current.input, current.inputLength, n);
      current.inputLength += n;
      off += n;
      len -= n;
      if (current.inputLength == blockSize) {
        submit(false);
      }
    }
  }

  private void submit(boolean last) throws IOException {
    final Job job = current;
    job.last = last;
    job.dictionary = dictionary;
    crc.update(job.input, 0, job.inputLength);
    totalIn += job.inputLength;
    if (job.inputLength >= DICT_SIZE) {
      dictionary = Arrays.copyOfRange(job.input, job.inputLength - DICT_SIZE, job.inputLength);
    }
    if (pool == null && !last && threads > 1) {
      pool = newPool(threads);
    }
    if (pool == null) {
      deflate(job);
      out.write(job.output, 0, job.outputLength);
      job.inputLength = 0;
    } else {
      job.task = pool.submit(() -> deflate(job));
      pending.addLast(job);
      drain(maxPending);
      current = free.isEmpty() ? new Job(blockSize) : free.removeFirst();
    }
  }

  private void deflate(Job job) {
    Deflater d = deflaters.get();
    d.reset();
    if (job.dictionary != null) {
      d.setDictionary(job.dictionary);
    }
    d.setInput(job.input, 0, job.inputLength);
    if (job.last) {
      d.finish();
    }
    int flush = job.last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH;
    int total = 0;
    while (true) {
      if (total == job.output.length) {
        job.output = Arrays.copyOf(job.output, job.output.length * 2);
      }
      total += d.deflate(job.output, total, job.output.length - total, flush);
      boolean done = job.last ? d.finished() : total < job.output.length && d.needsInput();
      if (done) {
        break;
      }
    }
    job.outputLength = total;
  }

  /** Writes finished blocks in order until fewer than {@code limit} are pending. */
  private void drain(int limit) throws IOException {
    while (!pending.isEmpty() && (pending.size() >= limit || pending.peekFirst().task.isDone())) {
      Job job = pending.removeFirst();
      await(job.task);
      out.write(job.output, 0, job.outputLength);
      job.inputLength = 0;
      job.task = null;
      job.dictionary = null;
      free.addLast(job);
    }
  }

  private static void await(Future<?> f) throws IOException {
    try {
      f.get();
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
      submit(true);
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
