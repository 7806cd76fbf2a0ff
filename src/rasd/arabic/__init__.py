"""Arabic text concerns, one per module: character sets, normalisation, clitics, morphology."""
