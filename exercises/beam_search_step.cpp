// beam_search_step: One step of beam search
// Statement: judge show beam_search_step   (中文: judge show beam_search_step --lang zh)
// Check:     judge check beam_search_step
#include "exercise.h"

BeamStep beam_search_step(const VectorXf& beam_scores, const MatrixXf& next_logits, int beam_width) {
  // TODO: your code here.
  (void)beam_scores;
  (void)next_logits;
  (void)beam_width;
  throw not_implemented_error("beam_search_step");
}
