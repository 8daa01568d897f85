from timeline.extraction.cli import main

raise SystemExit(main())
