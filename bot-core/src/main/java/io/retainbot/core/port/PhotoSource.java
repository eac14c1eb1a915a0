package io.retainbot.core.port;

import java.util.Optional;

/** Where a platform gateway reads the photo a text shows, by its key (see {@link PhotoStore}). */
@FunctionalInterface
public interface PhotoSource {
    /** For a gateway that is given no photos: every text goes out alone. */
    PhotoSource NONE = key -> Optional.empty();

    /** The photo with this key, content included; empty when it is not kept (any more). */
    Optional<PhotoStore.StoredPhoto> photo(String key);
}
