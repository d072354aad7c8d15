// latent_attention_decode: One decoding step of multi-head latent attention (MLA)
// Statement: judge show latent_attention_decode   (中文: judge show latent_attention_decode --lang zh)
// Check:     judge check latent_attention_decode
#include "exercise.h"

VectorXf latent_attention_decode(LatentCache& cache, const VectorXf& x_t, const MatrixXf& w_q, const MatrixXf& w_dkv, const MatrixXf& w_uk, const MatrixXf& w_uv, const MatrixXf& w_o, int num_heads) {
  // TODO: your code here.
  (void)cache;
  (void)x_t;
  (void)w_q;
  (void)w_dkv;
  (void)w_uk;
  (void)w_uv;
  (void)w_o;
  (void)num_heads;
  throw not_implemented_error("latent_attention_decode");
}
