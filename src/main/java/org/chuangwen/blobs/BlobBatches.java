package org.chuangwen.blobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Faster files for bulk loads (the demo city's hundreds of photos). {@link Blobs#store} flushes each new file and its
 * folder to disk before it records the blob: two waits on the disk per file. A batch instead writes the contents into
 * the store first ({@link Batch#write}, same place and same write-then-rename as {@link Blobs#store}, not yet flushed)
 * and flushes all of them together ({@link Batch#flush}), from several threads so that the file system commits them in
 * a few journal transactions. {@link Blobs#store} of a content written so finds its file in place and records the blob
 * exactly as usual (row, photo facts, audit record). A batch opened inside a transaction flushes itself before that
 * transaction commits, so no blob row commits ahead of its file; a rolled-back load leaves unreferenced files, as a
 * rolled-back upload does.
 */
@Service
public class BlobBatches {

	/** Flushes run on this many threads: enough for the file system to group them, few enough for a small machine. */
	private static final int FLUSH_THREADS = 8;

	private final Blobs blobs;

	BlobBatches(Blobs blobs) {
		this.blobs = blobs;
	}

	/** Where {@link Blobs} keeps a content: asked of it, so that a batch and Blobs never disagree on the directory. */
	Path pathOf(String sha256) {
		return blobs.pathOf(sha256);
	}

	/** A new batch; inside a transaction it flushes itself before the commit (whatever the caller forgets). */
	public Batch open() {
		Batch batch = new Batch();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					batch.flush();
				}
			});
		}
		return batch;
	}

	/** Files written and not yet flushed. Used by one thread. */
	public final class Batch {

		private final Set<Path> files = new LinkedHashSet<>();

		private final Set<Path> folders = new LinkedHashSet<>();

		private Batch() {
		}

		/**
		 * Puts the content in the store under its hash unless it is there already (answers false then); flushed by
		 * {@link #flush}.
		 */
		public boolean write(byte[] content) {
			String sha256 = Blobs.sha256(content);
			Path target = pathOf(sha256);
			try {
				if (Files.exists(target) && Files.size(target) == content.length
						&& Blobs.sha256(Files.readAllBytes(target)).equals(sha256)) {
					return false;
				}
				Path folder = target.getParent();
				Files.createDirectories(folder);
				Path temporary = Files.createTempFile(folder, sha256, ".part");
				try {
					Files.write(temporary, content, StandardOpenOption.TRUNCATE_EXISTING);
					try {
						Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
					}
					catch (AtomicMoveNotSupportedException ex) {
						Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
					}
				}
				finally {
					Files.deleteIfExists(temporary);
				}
				files.add(target);
				folders.add(folder);
				folders.add(folder.getParent()); // the two levels of folders may be new too
				return true;
			}
			catch (FileAlreadyExistsException ex) {
				return false; // written meanwhile by a concurrent upload of the same content, which flushes it
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot write blob " + sha256, ex);
			}
		}

		/** Flushes every file written since the last flush, then their folders; answers how many files. */
		public int flush() {
			if (files.isEmpty()) {
				return 0;
			}
			List<Path> written = new ArrayList<>(files);
			ExecutorService pool = Executors.newFixedThreadPool(Math.min(FLUSH_THREADS, written.size()));
			try {
				force(pool, written, false);
				force(pool, new ArrayList<>(folders), true);
			}
			finally {
				pool.shutdown();
			}
			files.clear();
			folders.clear();
			return written.size();
		}

		private static void force(ExecutorService pool, List<Path> paths, boolean folders) {
			List<Future<?>> pending = new ArrayList<>();
			for (Path path : paths) {
				pending.add(pool.submit(() -> {
					try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
						channel.force(true);
					}
					catch (IOException ex) {
						if (!folders) {
							throw new UncheckedIOException("cannot flush blob file " + path, ex);
						}
						// some file systems cannot open a directory for flushing (as in Blobs): the files are flushed
					}
					return null;
				}));
			}
			for (Future<?> f : pending) {
				try {
					f.get();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while flushing blob files", ex);
				}
				catch (java.util.concurrent.ExecutionException ex) {
					throw ex.getCause() instanceof RuntimeException r ? r : new IllegalStateException(ex.getCause());
				}
			}
		}
	}
}
