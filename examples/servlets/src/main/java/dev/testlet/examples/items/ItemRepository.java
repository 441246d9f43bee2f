package dev.testlet.examples.items;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The items, in memory and thread-safe. Like a real data source it must be opened before use and
 * is closed at shutdown ({@link AppLifecycle} does both); a repository that is not open rejects
 * every use with an {@link IllegalStateException} that says why.
 *
 * <pre>{@code
 * ItemRepository repository = ItemRepository.of(new NewItem("pen", new BigDecimal("1.50")));
 * repository.open();
 * repository.all();     // [Item[id=1, name=pen, price=1.50, createdAt=2026-06-01T12:00:00.123456Z]]
 * repository.close();
 * repository.all();     // IllegalStateException: the item repository is closed ...
 * }</pre>
 *
 * <p>A repository is opened once and closed once: it is not reopened after {@link #close()}.
 */
public final class ItemRepository implements AutoCloseable {

    private enum State { NEW, OPEN, CLOSED }

    private final ConcurrentSkipListMap<Long, Item> items = new ConcurrentSkipListMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);

    /** An empty repository, not open yet. */
    public ItemRepository() {}

    /**
     * A repository that starts with these items (ids 1, 2, ... in order), not open yet.
     *
     * <pre>{@code ItemRepository.of(new NewItem("pen", new BigDecimal("1.50")), new NewItem("ink", BigDecimal.TEN))}</pre>
     *
     * @param initial the items to start with
     * @return the repository
     */
    public static ItemRepository of(NewItem... initial) {
        ItemRepository repository = new ItemRepository();
        for (NewItem item : initial) {
            repository.insert(item);
        }
        return repository;
    }

    /**
     * Opens the repository for use.
     *
     * @throws IllegalStateException if it was opened or closed before
     */
    public void open() {
        State before = state.compareAndExchange(State.NEW, State.OPEN);
        if (before != State.NEW) {
            throw new IllegalStateException("the item repository cannot be opened: it is already "
                    + before.name().toLowerCase(Locale.ROOT) + (before == State.CLOSED ? "; create a new one" : ""));
        }
    }

    /** Closes the repository; every later use fails. Closing twice is allowed. */
    @Override
    public void close() {
        state.set(State.CLOSED);
    }

    /**
     * Whether the repository is open now.
     *
     * @return true between {@link #open()} and {@link #close()}
     */
    public boolean isOpen() {
        return state.get() == State.OPEN;
    }

    /**
     * Whether the repository has been closed.
     *
     * @return true after {@link #close()}
     */
    public boolean isClosed() {
        return state.get() == State.CLOSED;
    }

    /**
     * Every item, by id.
     *
     * @return a snapshot of the items
     */
    public List<Item> all() {
        checkOpen();
        return List.copyOf(items.values());
    }

    /**
     * The item with this id.
     *
     * @param id the id
     * @return the item, or empty when there is none
     */
    public Optional<Item> find(long id) {
        checkOpen();
        return Optional.ofNullable(items.get(id));
    }

    /**
     * Stores a new item under the next id, created now.
     *
     * @param item the name and price
     * @return the stored item, with its id
     */
    public Item add(NewItem item) {
        checkOpen();
        return insert(item);
    }

    /**
     * Removes an item.
     *
     * @param id the id
     * @return true when there was an item with this id
     */
    public boolean delete(long id) {
        checkOpen();
        return items.remove(id) != null;
    }

    private Item insert(NewItem item) {
        Item stored = new Item(lastId.incrementAndGet(), item.name(), item.price(), Instant.now());
        items.put(stored.id(), stored);
        return stored;
    }

    private void checkOpen() {
        switch (state.get()) {
            case NEW -> throw new IllegalStateException("the item repository is not open yet; call open() first"
                    + " (AppLifecycle opens it when the app starts)");
            case CLOSED -> throw new IllegalStateException("the item repository is closed; it cannot be used"
                    + " after close() (AppLifecycle closes it when the app stops)");
            case OPEN -> { }
        }
    }
}
