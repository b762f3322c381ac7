package io.github.ucgroups;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GroupListOptionsAndStorageResultTest {

	@Test
	void limitMustBeWithinOneToAThousand() {
		assertThat(GroupListOptions.defaults().withLimit(1).limit()).isEqualTo(1);
		assertThat(GroupListOptions.defaults().withLimit(1000).limit()).isEqualTo(1000);
		assertThatIllegalArgumentException().isThrownBy(() -> GroupListOptions.defaults().withLimit(0))
			.withMessageContaining("0");
		assertThatIllegalArgumentException().isThrownBy(() -> GroupListOptions.defaults().withLimit(1001))
			.withMessageContaining("1001");
	}

	@Test
	void withersKeepOtherValues() {
		Instant from = Instant.parse("2026-01-01T00:00:00Z");
		GroupListOptions options = GroupListOptions.defaults()
			.withLimit(10)
			.withFrom(from)
			.withOrdering(GroupListOptions.Ordering.CREATED_DESCENDING);
		assertThat(options).isEqualTo(new GroupListOptions(10, from, GroupListOptions.Ordering.CREATED_DESCENDING));
		assertThat(options.ordering().wireValue()).isEqualTo("-datetime_created");
		assertThat(GroupListOptions.Ordering.CREATED_ASCENDING.wireValue()).isEqualTo("datetime_created");
	}

	@Test
	void storageResultsMerge() {
		StorageResult first = new StorageResult(List.of("a"), Map.of("x", "Missing in the project"));
		StorageResult second = new StorageResult(List.of("b", "c"), Map.of("y", "Invalid"));
		StorageResult merged = first.merge(second);
		assertThat(merged.succeeded()).containsExactly("a", "b", "c");
		assertThat(merged.problems()).containsOnlyKeys("x", "y");
		assertThat(merged.isComplete()).isFalse();
		assertThat(StorageResult.EMPTY.merge(new StorageResult(List.of("a"), Map.of())).isComplete()).isTrue();
	}

}
