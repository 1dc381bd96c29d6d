package io.github.calspike.command;

import io.github.calspike.extract.ij.MovieFiles;

import ij.ImagePlus;
import ij.WindowManager;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

import org.scijava.convert.AbstractConverter;
import org.scijava.convert.ConversionRequest;
import org.scijava.convert.Converter;
import org.scijava.plugin.Plugin;

/**
 * Lets an ImagePlus parameter be given as text, as the command line, macros and scripts do: the
 * title of an open image, or the path of an image file (opened, virtually when large). Other text
 * is left to other converters.
 */
@Plugin(type = Converter.class)
public class StringToImagePlusConverter extends AbstractConverter<String, ImagePlus> {

	@Override
	public boolean canConvert(ConversionRequest request) {
		Object src = request.sourceObject();
		return src instanceof String && request.destClass() != null && request.destClass()
			.isAssignableFrom(ImagePlus.class) && resolvable((String) src);
	}

	@Override
	public boolean canConvert(Object src, Type dest) {
		return src instanceof String && dest == ImagePlus.class && resolvable((String) src);
	}

	@Override
	public boolean canConvert(Object src, Class<?> dest) {
		return src instanceof String && dest != null && dest.isAssignableFrom(ImagePlus.class) &&
			resolvable((String) src);
	}

	@Override
	public <T> T convert(Object src, Class<T> dest) {
		String s = ((String) src).trim();
		ImagePlus open = WindowManager.getImage(s);
		if (open != null) return dest.cast(open);
		try {
			return dest.cast(MovieFiles.open(new File(s).toPath()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
	}

	private static boolean resolvable(String s) {
		String t = s.trim();
		return !t.isEmpty() && (WindowManager.getImage(t) != null || new File(t).isFile());
	}

	@Override
	public Class<ImagePlus> getOutputType() {
		return ImagePlus.class;
	}

	@Override
	public Class<String> getInputType() {
		return String.class;
	}
}
