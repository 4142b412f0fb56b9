package org.chuangwen.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused data directory into a plain start-up message instead of a stack trace. */
class DataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryUnavailableException cause) {
		return new FailureAnalysis(cause.getMessage() + "\n数据目录不可用：" + cause.directory(),
				"If another Chuangwen is running on this data directory, stop it first or start this one with "
						+ "--chuangwen.data-dir=<another directory>. 如已有 Chuangwen 在使用该数据目录，请先停止它，或用 --chuangwen.data-dir 指定其他目录。",
				cause);
	}
}
