package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDArray;

import static dev.tessera.engine.nn.Tensors.scalar;

/**
 * The rotation trick (Fifty et al. 2024, "Restructuring Vector Quantization with the
 * Rotation Trick"): instead of copying the code's gradient to the input (straight-through),
 * the input is mapped onto its code by a rotation and scaling treated as constants, so the
 * gradient reaching the encoder is rotated the same way and keeps the angle between input
 * and code. Forward value: exactly the code.
 */
final class Rotation {

    private static final float EPS = 1e-6f;

    private Rotation() {
    }

    /**
     * {@code sg(|q|/|x|) * [x - 2 r (r.x) + 2 q^ (x^.x)]} with {@code x^ = x/|x|},
     * {@code q^ = q/|q|}, {@code r = (x^ + q^)/|x^ + q^|}, all detached: that is
     * {@code lambda R x} with R the rotation taking x^ to q^.
     */
    static NDArray rotateOnto(NDArray x, NDArray q) {
        NDArray xd = x.stopGradient();
        NDArray qd = q.stopGradient();
        NDArray xNorm = norm(xd);
        NDArray qNorm = norm(qd);
        NDArray xHat = xd.div(xNorm);
        NDArray qHat = qd.div(qNorm);
        NDArray sum = xHat.add(qHat);
        NDArray r = sum.div(norm(sum));
        NDArray lambda = qNorm.div(xNorm);
        NDArray rx = x.mul(r).sum(new int[] {-1}, true);
        NDArray hx = x.mul(xHat).sum(new int[] {-1}, true);
        NDArray two = scalar(x, 2f);
        return x.sub(r.mul(rx).mul(two)).add(qHat.mul(hx).mul(two)).mul(lambda);
    }

    private static NDArray norm(NDArray v) {
        return v.square().sum(new int[] {-1}, true).sqrt().maximum(scalar(v, EPS));
    }
}
