(function(){ "use strict"; window.kvoFotoKlaar = null; })();
