-- What a photo says about itself (blobs.PhotoReader): pixel size, EXIF capture time and GPS position, and a 64-bit
-- perceptual hash (dHash) for finding re-used evidence photos. One row per JPEG/PNG blob, written with the blob (older
-- blobs get theirs when first asked). Every fact may be absent: a photo without EXIF, an image that does not decode.
create table blob_photo (
    blob_id               uuid             primary key references blob (id) on delete cascade,
    width                 integer          check (width > 0),
    height                integer          check (height > 0),
    taken_at              timestamptz,
    -- true when the camera wrote no UTC offset and its local time was taken in the city's zone
    taken_at_zone_assumed boolean          not null default false,
    latitude              double precision check (latitude between -90 and 90),
    longitude             double precision check (longitude between -180 and 180),
    phash                 bigint,
    -- the hash's four 16-bit quarters: two hashes at most 3 bits apart agree in at least one quarter, so a search for
    -- near-identical photos reads four small index ranges instead of every hash (pigeonhole, multi-index hashing)
    phash_q0              integer generated always as (((phash >> 48) & 65535)::integer) stored,
    phash_q1              integer generated always as (((phash >> 32) & 65535)::integer) stored,
    phash_q2              integer generated always as (((phash >> 16) & 65535)::integer) stored,
    phash_q3              integer generated always as ((phash & 65535)::integer) stored,
    read_at               timestamptz      not null,
    check ((latitude is null) = (longitude is null))
);
create index blob_photo_phash_q0 on blob_photo (phash_q0) where phash is not null;
create index blob_photo_phash_q1 on blob_photo (phash_q1) where phash is not null;
create index blob_photo_phash_q2 on blob_photo (phash_q2) where phash is not null;
create index blob_photo_phash_q3 on blob_photo (phash_q3) where phash is not null;
