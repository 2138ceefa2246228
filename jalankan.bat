@echo off
setlocal EnableExtensions
rem Generator LKjIP untuk Windows.
rem Seret satu atau beberapa workbook .xlsx (atau sebuah folder) ke berkas ini,
rem atau klik dua kali lalu ketik/tempel path-nya.
rem Laporan ditulis ke folder "hasil" di samping berkas ini.
cd /d "%~dp0"

set "PYEXE="
if exist "%~dp0.venv\Scripts\python.exe" set PYEXE="%~dp0.venv\Scripts\python.exe"
if not defined PYEXE (
  py -3 --version >nul 2>nul && set "PYEXE=py -3"
)
if not defined PYEXE (
  python --version >nul 2>nul && set "PYEXE=python"
)
if not defined PYEXE (
  echo Python 3 tidak ditemukan. Pasang dari https://www.python.org/downloads/
  echo ^(centang "Add python.exe to PATH"^), lalu jalankan sekali: pip install -r requirements.txt
  set "RC=1"
  goto selesai
)

if "%~1"=="" goto tanya
%PYEXE% generate.py %*
set "RC=%ERRORLEVEL%"
goto selesai

:tanya
echo Seret workbook .xlsx ke jalankan.bat, atau ketik path workbook/folder di bawah ini.
set "MASUKAN="
set /p "MASUKAN=Path workbook atau folder: "
if not defined MASUKAN (
  set "RC=2"
  goto selesai
)
set MASUKAN=%MASUKAN:"=%
%PYEXE% generate.py "%MASUKAN%"
set "RC=%ERRORLEVEL%"

:selesai
echo.
if "%RC%"=="0" (echo Selesai. Laporan ada di folder "hasil".) else (echo Selesai dengan catatan; baca pesan di atas.)
pause
exit /b %RC%
