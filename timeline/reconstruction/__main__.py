from timeline.reconstruction.cli import main

raise SystemExit(main())
