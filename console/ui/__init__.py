"""The Qt windows. Widgets render state and forward intent; the show lives in console.engine."""
