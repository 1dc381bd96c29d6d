package io.github.calspike.train;

import java.util.function.Consumer;

/**
 * What the training configs share: they are immutable to their users, and each {@code withX}
 * returns a changed copy, made by {@link #with}; a copy is a field-by-field clone, so a field
 * added to a config is copied without being listed anywhere.
 *
 * @param <T> the config itself
 */
public abstract class CopiedOnChange<T extends CopiedOnChange<T>> implements Cloneable {

	/** @return a copy of this config with {@code change} applied to it */
	@SuppressWarnings("unchecked")
	protected final T with(Consumer<T> change) {
		try {
			T c = (T) clone();
			change.accept(c);
			return c;
		}
		catch (CloneNotSupportedException e) {
			throw new IllegalStateException(e);
		}
	}
}
