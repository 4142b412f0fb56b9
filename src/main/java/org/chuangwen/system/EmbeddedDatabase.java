package org.chuangwen.system;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The PostgreSQL server that runs inside the application when no external database is configured.
 * One per JVM. In durable mode (the product) the data directory is kept, fsync and synchronous commit
 * are on, a second process on the same data directory is refused, and a PostgreSQL left running by a
 * killed JVM is stopped cleanly before the new one starts. In ephemeral mode (tests) a fresh
 * temporary directory is used with PostgreSQL's fast test settings.
 */
final class EmbeddedDatabase {

	/** Replaced by a deferred log while the application starts, so these lines appear once logging is set up. */
	static Log log = LogFactory.getLog(EmbeddedDatabase.class);

	private static EmbeddedDatabase running;

	private final EmbeddedPostgres postgres;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private EmbeddedDatabase(EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock) {
		this.postgres = postgres;
		this.lockChannel = lockChannel;
		this.lock = lock;
	}

	private int users;

	private boolean stopped;

	/**
	 * Starts the server on first use and counts the application contexts that use it; the server stops when the
	 * last of them closes (so it outlives their connection pools), or at JVM exit at the latest.
	 */
	static synchronized EmbeddedDatabase startOnce(Path dataDirectory, boolean durable) {
		if (running == null) {
			EmbeddedDatabase started = durable ? startDurable(dataDirectory) : startEphemeral();
			running = started;
			Runtime.getRuntime().addShutdownHook(new Thread(started::stopAtExit, "embedded-postgres-stop"));
		}
		running.users++;
		return running;
	}

	/** One application context that used the server has closed. */
	synchronized void release() {
		users--;
		if (users <= 0) {
			stop();
			notifyAll();
		}
	}

	/** At JVM exit: give the closing contexts a moment to release the server, then stop it anyway. */
	private synchronized void stopAtExit() {
		long deadline = System.currentTimeMillis() + 10_000;
		while (!stopped && users > 0 && System.currentTimeMillis() < deadline) {
			try {
				wait(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		stop();
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
	}

	static EmbeddedDatabase startDurable(Path dataDirectory) {
		Path root = dataDirectory.toAbsolutePath().normalize();
		FileChannel channel = null;
		FileLock lock;
		try {
			Files.createDirectories(root);
			channel = new RandomAccessFile(root.resolve(".lock").toFile(), "rw").getChannel();
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		catch (IOException ex) {
			throw new DataDirectoryUnavailableException(root, "cannot create or lock the data directory: " + ex.getMessage(), ex);
		}
		if (lock == null) {
			closeQuietly(channel);
			throw new DataDirectoryUnavailableException(root,
					"another Chuangwen process is already using this data directory", null);
		}
		Path pgData = root.resolve("pg");
		stopOrphanedServer(pgData);
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(pgData)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setLocaleConfig("locale", "C.UTF-8")
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			log.info("Embedded PostgreSQL started on port " + postgres.getPort() + " with data in " + pgData
					+ " (fsync=on, synchronous_commit=on)");
			return new EmbeddedDatabase(postgres, channel, lock);
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(channel);
			throw new DataDirectoryUnavailableException(root, "the embedded PostgreSQL could not start: " + ex.getMessage(), ex);
		}
	}

	private static EmbeddedDatabase startEphemeral() {
		try {
			Path dir = Files.createTempDirectory("chuangwen-test-pg");
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(true)
				.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "200")
				.setLocaleConfig("locale", "C.UTF-8")
				.start();
			log.info("Ephemeral embedded PostgreSQL started on port " + postgres.getPort() + " (fast test mode, data discarded)");
			return new EmbeddedDatabase(postgres, null, null);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The embedded PostgreSQL for tests could not start", ex);
		}
	}

	/**
	 * A PostgreSQL whose pid file names a live postgres process, while we hold the data directory's lock,
	 * was left behind by a Chuangwen JVM that was killed. Ask it to shut down (SIGTERM: smart shutdown,
	 * which completes because its clients died with that JVM) and wait; refuse to go on if it does not stop.
	 */
	private static void stopOrphanedServer(Path pgData) {
		Optional<ProcessHandle> orphan = readPostmasterPid(pgData).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
		if (orphan.isEmpty()) {
			return;
		}
		ProcessHandle process = orphan.get();
		log.warn("A PostgreSQL server (pid " + process.pid() + ") from an earlier run still holds " + pgData
				+ "; shutting it down cleanly");
		process.destroy();
		try {
			process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new DataDirectoryUnavailableException(pgData,
					"a PostgreSQL server left by an earlier run (pid " + process.pid() + ") did not stop; stop it and start again", ex);
		}
		log.info("The earlier PostgreSQL server (pid " + process.pid() + ") has stopped");
	}

	private static Optional<Long> readPostmasterPid(Path pgData) {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		try {
			String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
			return Optional.of(Long.parseLong(first));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	synchronized void stop() {
		if (stopped) {
			return;
		}
		stopped = true;
		try {
			postgres.close();
		}
		catch (IOException ex) {
			log.error("Embedded PostgreSQL did not stop cleanly", ex);
		}
		try {
			if (lock != null) {
				lock.release();
			}
		}
		catch (IOException ex) {
			// the process is ending; the lock dies with it
		}
		closeQuietly(lockChannel);
	}

	/** For tests: drop the data directory lock but leave PostgreSQL running, as a killed JVM would. */
	void releaseLockOnlyAsIfKilled() {
		closeQuietly(lockChannel);
		try {
			// zonky's own lock on the PostgreSQL directory dies with the JVM too
			java.lang.reflect.Field field = EmbeddedPostgres.class.getDeclaredField("lockStream");
			field.setAccessible(true);
			((java.io.FileOutputStream) field.get(postgres)).close();
		}
		catch (ReflectiveOperationException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ignored) {
				// nothing to do
			}
		}
	}
}
