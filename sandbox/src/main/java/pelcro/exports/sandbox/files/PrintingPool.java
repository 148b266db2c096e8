package pelcro.exports.sandbox.files;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that print parts of export files ahead of their readers, one per core, shared by
 * every download of every sandbox in the JVM.
 *
 * <p>Why shared and static: a sandbox has no say in when a download ends, and tests start many
 * sandboxes. The threads are daemons that end after a few idle seconds, so an idle sandbox holds
 * none; the work queued is bounded by each stream's window of parts ahead.
 */
final class PrintingPool {
  static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
  private static final ThreadPoolExecutor POOL = pool();

  private PrintingPool() {}

  static Executor executor() {
    return POOL;
  }

  /**
   * Takes a task back if no thread has taken it yet, so that its caller runs it instead; a task run
   * elsewhere but left in the queue would keep its result alive until a thread reached it.
   */
  static boolean withdraw(Runnable task) {
    return POOL.remove(task);
  }

  private static ThreadPoolExecutor pool() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory daemons =
        task -> {
          Thread thread = new Thread(task, "exports-file-printer-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            THREADS, THREADS, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
