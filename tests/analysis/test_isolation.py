"""The analysis package stands alone: no Django, nothing else from ivp."""

import ast
import subprocess
import sys
from pathlib import Path

import ivp.analysis

PACKAGE = Path(ivp.analysis.__file__).parent


def test_importing_the_package_loads_no_django():
    code = "import sys, ivp.analysis; print('django' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_no_module_imports_ivp_outside_the_package_or_django():
    offenders = []
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                root = name.split(".")[0]
                if root == "django" or (root == "ivp" and not name.startswith("ivp.analysis")):
                    offenders.append(f"{path.name}: {name}")
    assert offenders == []
