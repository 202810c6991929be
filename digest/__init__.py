"""The domain core: plain data in, plain data out; it knows nothing of chat, scheduling or the command line."""
