package dev.tessera.engine.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;

import static dev.tessera.engine.nn.Tensors.scalar;

/** Batches of {@link RgbImage} to and from (N, 3, H, W) tensors scaled to [-1, 1]. */
public final class ImageTensors {

    private ImageTensors() {
    }

    /** Stacks same-size images into one (N, 3, H, W) tensor with values {@code 2p - 1}. */
    public static NDArray toTensor(List<RgbImage> images, NDManager manager) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images given");
        }
        int w = images.get(0).width();
        int h = images.get(0).height();
        int per = 3 * w * h;
        float[] data = new float[images.size() * per];
        for (int i = 0; i < images.size(); i++) {
            RgbImage img = images.get(i);
            if (img.width() != w || img.height() != h) {
                throw new IllegalArgumentException("images in a batch must share one size: image " + i + " is "
                        + img.width() + "x" + img.height() + ", the first is " + w + "x" + h);
            }
            float[] px = img.pixels();
            for (int j = 0; j < per; j++) {
                data[i * per + j] = 2f * px[j] - 1f;
            }
        }
        return manager.create(data, new Shape(images.size(), 3, h, w));
    }

    /** Splits an (N, 3, H, W) tensor in [-1, 1] back into images, clamped to [0, 1]. */
    public static List<RgbImage> fromTensor(NDArray batch) {
        Shape s = batch.getShape();
        int n = (int) s.get(0);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        float[] data = batch.add(scalar(batch, 1f)).mul(scalar(batch, 0.5f))
                .maximum(scalar(batch, 0f)).minimum(scalar(batch, 1f)).toFloatArray();
        int per = 3 * w * h;
        List<RgbImage> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] px = new float[per];
            System.arraycopy(data, i * per, px, 0, per);
            out.add(new RgbImage(w, h, px));
        }
        return out;
    }
}
