package org.chuangwen.blobs;

import java.nio.file.Files;
import java.util.UUID;

import org.chuangwen.ChuangwenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch writes files where Blobs keeps them, so that Blobs.store of the same content records it as usual. */
@ChuangwenIntegrationTest
class BlobBatchesIntegrationTests {

	@Autowired
	BlobBatches batches;

	@Autowired
	Blobs blobs;

	@Autowired
	TransactionTemplate transactions;

	static byte[] png(String marker) {
		return BlobsIntegrationTests.aPng("batch " + marker + " " + UUID.randomUUID());
	}

	@Test
	void aBatchWritesWhereBlobsKeepsTheContentAndStoreThenRecordsItAsUsual() {
		byte[] first = png("first");
		byte[] second = png("second");
		StoredBlob stored = transactions.execute(tx -> {
			BlobBatches.Batch batch = batches.open();
			assertThat(batch.write(first)).isTrue();
			assertThat(batch.write(second)).isTrue();
			assertThat(batch.write(first)).as("the same content is written once").isFalse();
			assertThat(batch.flush()).isEqualTo(2);
			assertThat(batch.flush()).as("nothing left to flush").isZero();
			return blobs.store(first, "batch.png", BlobUse.PHOTO, null);
		});
		assertThat(blobs.read(stored.id()).bytes()).isEqualTo(first);
		assertThat(Files.exists(batches.pathOf(stored.sha256()))).isTrue();
	}

	@Test
	void contentStoredByBlobsIsFoundInPlaceByABatch() {
		// the test profile resolves chuangwen.blobs.directory to a new random folder for each bean: the batch must ask Blobs
		byte[] content = png("stored");
		StoredBlob stored = transactions.execute(tx -> blobs.store(content, "stored.png", BlobUse.PHOTO, null));
		transactions.executeWithoutResult(tx -> assertThat(batches.open().write(content)).as("same place as Blobs").isFalse());
	}

	@Test
	void aBatchLeftUnflushedIsFlushedBeforeItsTransactionCommits() {
		byte[] content = png("unflushed");
		BlobBatches.Batch[] opened = new BlobBatches.Batch[1];
		transactions.executeWithoutResult(tx -> {
			opened[0] = batches.open();
			opened[0].write(content);
		});
		assertThat(opened[0].flush()).as("flushed by the commit already").isZero();
		assertThat(Files.exists(batches.pathOf(Blobs.sha256(content)))).isTrue();
	}
}
