package io.github.calspike.detect;

import io.github.calspike.nn.PixelMaps;

/**
 * Test-time augmentation: a network's maps averaged over the eight symmetries of the square
 * (flips and transposition), each output transformed back. A network trained with these
 * symmetries as augmentation gives steadier maps this way, at eight times the cost.
 */
public final class Symmetries {

	private Symmetries() {}

	/** @return {@code network} averaged over the eight symmetries */
	public static PixelMaps averaged(PixelMaps network) {
		return (channels, w, h) -> {
			float[][] sum = null;
			for (int s = 0; s < 8; s++) {
				boolean flipX = (s & 1) != 0, flipY = (s & 2) != 0, transpose = (s & 4) != 0;
				int tw = transpose ? h : w, th = transpose ? w : h;
				float[][] in = new float[channels.length][];
				for (int k = 0; k < channels.length; k++) {
					in[k] = forward(channels[k], w, h, flipX, flipY, transpose);
				}
				float[][] out = network.predict(in, tw, th);
				if (sum == null) sum = new float[out.length][w * h];
				for (int k = 0; k < out.length; k++) {
					float[] back = backward(out[k], w, h, flipX, flipY, transpose);
					for (int i = 0; i < back.length; i++) sum[k][i] += back[i] / 8;
				}
			}
			return sum;
		};
	}

	/** Pixel (x, y) of the transformed image is pixel source(x, y) of the original. */
	private static float[] forward(float[] v, int w, int h, boolean flipX, boolean flipY,
		boolean transpose)
	{
		int tw = transpose ? h : w, th = transpose ? w : h;
		float[] out = new float[v.length];
		for (int y = 0; y < th; y++) {
			for (int x = 0; x < tw; x++) {
				int sx = transpose ? y : x, sy = transpose ? x : y;
				if (flipX) sx = w - 1 - sx;
				if (flipY) sy = h - 1 - sy;
				out[y * tw + x] = v[sy * w + sx];
			}
		}
		return out;
	}

	private static float[] backward(float[] t, int w, int h, boolean flipX, boolean flipY,
		boolean transpose)
	{
		int tw = transpose ? h : w, th = transpose ? w : h;
		float[] out = new float[t.length];
		for (int y = 0; y < th; y++) {
			for (int x = 0; x < tw; x++) {
				int sx = transpose ? y : x, sy = transpose ? x : y;
				if (flipX) sx = w - 1 - sx;
				if (flipY) sy = h - 1 - sy;
				out[sy * w + sx] = t[y * tw + x];
			}
		}
		return out;
	}
}
