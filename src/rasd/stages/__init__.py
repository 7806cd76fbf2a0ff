"""The pipeline's stages, one module each, in the order ``rasd.pipeline.STAGES`` runs them."""
