-- Uploaded files (blobs): the content lives on disk, content-addressed by SHA-256 under <data-dir>/blobs/ab/cd/<sha256>;
-- one row per upload, so the same content uploaded twice is one file with two rows (each with its own name and uploader).
create table blob (
    id                uuid        primary key,
    sha256            char(64)    not null,
    content_type      text        not null,
    size              bigint      not null check (size >= 0),
    original_filename text        not null,
    uploaded_by       uuid,
    uploaded_at       timestamptz not null
);
create index blob_sha256 on blob (sha256);
create index blob_uploader on blob (uploaded_by, uploaded_at desc);
