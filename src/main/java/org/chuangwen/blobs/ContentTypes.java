package org.chuangwen.blobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Tells a file's type from its first bytes (magic numbers), never from its name. Office Open XML files are zip
 * packages; their part names say which kind (word/, xl/, ppt/). Anything not recognised is {@link #UNKNOWN}.
 */
final class ContentTypes {

	static final String PDF = "application/pdf";

	static final String JPEG = "image/jpeg";

	static final String PNG = "image/png";

	static final String ZIP = "application/zip";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

	/** Legacy Office (.doc/.xls/.ppt): an OLE2 compound file. */
	static final String OLE_OFFICE = "application/x-ole-storage";

	static final String UNKNOWN = "application/octet-stream";

	private static final int MAX_ZIP_ENTRIES_INSPECTED = 200;

	private ContentTypes() {
	}

	static String detect(byte[] content) {
		if (startsWith(content, 0x25, 0x50, 0x44, 0x46, 0x2D)) { // %PDF-
			return PDF;
		}
		if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
			return JPEG;
		}
		if (startsWith(content, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
			return PNG;
		}
		if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			return OLE_OFFICE;
		}
		if (startsWith(content, 0x50, 0x4B, 0x03, 0x04) || startsWith(content, 0x50, 0x4B, 0x05, 0x06)) {
			return zipKind(content);
		}
		return UNKNOWN;
	}

	/** Reads only the entry names of the zip's local headers (no inflating), so a zip bomb costs nothing here. */
	private static String zipKind(byte[] content) {
		boolean contentTypes = false;
		String kind = null;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			int seen = 0;
			while ((entry = zip.getNextEntry()) != null && seen++ < MAX_ZIP_ENTRIES_INSPECTED) {
				String name = entry.getName();
				if (name.equals("[Content_Types].xml")) {
					contentTypes = true;
				}
				else if (kind == null && name.startsWith("word/")) {
					kind = DOCX;
				}
				else if (kind == null && name.startsWith("xl/")) {
					kind = XLSX;
				}
				else if (kind == null && name.startsWith("ppt/")) {
					kind = PPTX;
				}
				if (contentTypes && kind != null) {
					return kind;
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			return UNKNOWN;
		}
		return ZIP;
	}

	private static boolean startsWith(byte[] content, int... magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((content[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}
}
