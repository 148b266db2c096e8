package pelcro.exports.sandbox.http;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import pelcro.exports.sandbox.domain.KeyMask;

/**
 * WireMock's stores, with a request journal that keeps no key in full: the {@code Authorization}
 * header and any {@code sk_…} key in the URL are masked before a request is journaled, so
 * {@code /__admin/requests} never shows another client's key.
 */
final class MaskedJournalStores extends DefaultStores {
  private final RequestJournalStore journal;

  MaskedJournalStores(FileSource files) {
    super(files);
    this.journal = new Masking(super.getRequestJournalStore());
  }

  @Override
  public RequestJournalStore getRequestJournalStore() {
    return journal;
  }

  private static ServeEvent masked(ServeEvent event) {
    return event.replaceRequest(RequestWrapper.create()
        .transformAbsoluteUrl(KeyMask::keysIn)
        .transformHeader("Authorization", values -> values.stream().map(KeyMask::authorization).toList())
        .wrap(event.getRequest()));
  }

  /** The journal store, masking on the way in. */
  private record Masking(RequestJournalStore delegate) implements RequestJournalStore {
    @Override
    public Stream<ServeEvent> getAll() {
      return delegate.getAll();
    }

    @Override
    public void add(ServeEvent event) {
      delegate.add(masked(event));
    }

    @Override
    public void removeLast() {
      delegate.removeLast();
    }

    @Override
    public Stream<UUID> getAllKeys() {
      return delegate.getAllKeys();
    }

    @Override
    public Optional<ServeEvent> get(UUID key) {
      return delegate.get(key);
    }

    @Override
    public void put(UUID key, ServeEvent event) {
      delegate.put(key, masked(event));
    }

    @Override
    public void remove(UUID key) {
      delegate.remove(key);
    }

    @Override
    public void clear() {
      delegate.clear();
    }
  }
}
