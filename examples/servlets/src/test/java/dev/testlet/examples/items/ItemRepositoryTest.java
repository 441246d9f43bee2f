package dev.testlet.examples.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The repository on its own: plain unit tests need no server. */
class ItemRepositoryTest {

    @Test
    void an_open_repository_stores_items_under_increasing_ids() {
        try (ItemRepository repository = ItemRepository.of(new NewItem("pen", BigDecimal.ONE))) {
            repository.open();

            Item ink = repository.add(new NewItem("ink", BigDecimal.TEN));

            assertThat(ink.id()).isEqualTo(2);
            assertThat(repository.all()).extracting(Item::name).containsExactly("pen", "ink");
            assertThat(repository.delete(1)).isTrue();
            assertThat(repository.find(1)).isEmpty();
        }
    }

    @Test
    void a_repository_that_is_not_open_rejects_use() {
        ItemRepository repository = new ItemRepository();

        assertThatThrownBy(repository::all).isInstanceOf(IllegalStateException.class).hasMessageContaining("not open yet");
    }

    @Test
    void a_closed_repository_rejects_use() {
        ItemRepository repository = new ItemRepository();
        repository.open();
        repository.close();

        assertThatThrownBy(() -> repository.find(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
        assertThatThrownBy(repository::open).isInstanceOf(IllegalStateException.class).hasMessageContaining("already closed");
    }
}
