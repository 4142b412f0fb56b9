package org.chuangwen.blobs;

import java.util.Set;

/** What an upload is for, and so which content types it may have. */
public enum BlobUse {

	/** Task deliverables (任务成果): PDF, Office documents, images and zip archives. */
	DELIVERABLE(Set.of(ContentTypes.PDF, ContentTypes.DOCX, ContentTypes.XLSX, ContentTypes.PPTX, ContentTypes.OLE_OFFICE,
			ContentTypes.JPEG, ContentTypes.PNG, ContentTypes.ZIP)),
	/** Evidence photos (problems, inspections): JPEG and PNG. */
	PHOTO(Set.of(ContentTypes.JPEG, ContentTypes.PNG)),
	/** Anything the API accepts without a declared use: the union of the above. */
	ANY(Set.of(ContentTypes.PDF, ContentTypes.DOCX, ContentTypes.XLSX, ContentTypes.PPTX, ContentTypes.OLE_OFFICE,
			ContentTypes.JPEG, ContentTypes.PNG, ContentTypes.ZIP));

	private final Set<String> allowed;

	BlobUse(Set<String> allowed) {
		this.allowed = allowed;
	}

	public boolean allows(String contentType) {
		return allowed.contains(contentType);
	}
}
