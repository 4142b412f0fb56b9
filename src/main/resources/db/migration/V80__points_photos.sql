-- Photos of inspection points (DOMAIN §6: "a point has … photos"). The files live in blobs (typed by content, one
-- copy per SHA-256); this table says which stored photo shows which point. Removing a photo deletes its row here (the
-- removal is audited on the point with its reason); the file stays in blobs, which keeps no delete.
-- Adding or removing a photo raises the point's version (a photo is part of the point, and the API's If-Match applies).
create table point_photo (
    point_id     uuid         not null references point (id),
    blob_id      uuid         not null,
    filename     text         not null,
    content_type text         not null,
    size         bigint       not null,
    added_at     timestamptz  not null,
    added_by     uuid,
    primary key (point_id, blob_id)
);
-- a point's photos in the order they were added
create index point_photo_by_point on point_photo (point_id, added_at);
