package dev.tessera.engine;

import dev.tessera.engine.Tessera;
import dev.tessera.engine.image.ImageSource;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenizeResult;

public class FirstLook {
    public static void main(String[] args) {
        TokenizeResult r = Tessera.tokenize(ImageSource.parse("sample:3"));   // shipped vq-shapes64
        TokenGrid grid = (TokenGrid) r.tokens();
        System.out.printf("%dx%d tokens, %d distinct codes, PSNR %.1f dB%n",
                grid.rows(), grid.cols(), grid.uniqueCodes(), r.psnr());
    }
}
