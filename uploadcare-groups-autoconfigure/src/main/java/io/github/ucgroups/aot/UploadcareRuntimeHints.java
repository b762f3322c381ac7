package io.github.ucgroups.aot;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupFile;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.StorageResult;
import io.github.ucgroups.UploadedFile;
import io.github.ucgroups.web.GroupIdValidator;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * The runtime hints the starter needs in a native image (registered in
 * {@code META-INF/spring/aot.factories}). Everything else our beans do is visible to Spring's
 * AOT processing: the services read and write JSON as trees and maps only (no reflection), and
 * {@code @ConfigurationProperties}, auto-configurations and {@code spring.factories} entries get
 * their hints from Spring itself. What it cannot see:
 * <ul>
 * <li>the public records ({@link Group}, {@link GroupFile}, {@link UploadedFile}, …) that
 * applications serialise with Jackson themselves (into a cache, a message, a JSON answer built
 * by hand): Jackson reads their accessors by reflection;</li>
 * <li>{@link GroupIdValidator}, which Bean Validation instantiates by reflection from the
 * {@code @Constraint} of {@code @ValidGroupId}, only when Bean Validation is present.</li>
 * </ul>
 */
public final class UploadcareRuntimeHints implements RuntimeHintsRegistrar {

	/** The public records that applications may serialise with Jackson. */
	static final List<Class<?>> JSON_TYPES = List.of(Group.class, GroupFile.class, GroupFile.ImageInfo.class,
			GroupId.class, FileRef.class, UploadedFile.class, StorageResult.class);

	private static final String CONSTRAINT_VALIDATOR = "jakarta.validation.ConstraintValidator";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
				JSON_TYPES.toArray(Class<?>[]::new));
		if (ClassUtils.isPresent(CONSTRAINT_VALIDATOR, classLoader)) {
			hints.reflection()
				.registerType(TypeReference.of(GroupIdValidator.class.getName()),
						MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
		}
	}

}
