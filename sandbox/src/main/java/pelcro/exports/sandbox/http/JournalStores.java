package pelcro.exports.sandbox.http;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;

/** WireMock's stores, with the sandbox's {@link ApiJournal} as its request journal. */
final class JournalStores extends DefaultStores {
  private final ApiJournal journal;

  JournalStores(FileSource files, ApiJournal journal) {
    super(files);
    this.journal = journal;
  }

  @Override
  public RequestJournalStore getRequestJournalStore() {
    return journal;
  }
}
