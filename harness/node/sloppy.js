// Sloppy-mode code, on purpose: the only file of the runtime without 'use strict'. A function made
// here gets the this value a non-strict function gets (OrdinaryCallBindThis, ECMA-262 10.2.1.2):
// undefined and null become the global object, a primitive its wrapper object. It passes that this
// on to the strict function translate.js made from the case's body.
module.exports = function sloppy(strictBody) {
  return function (a, b) {
    return strictBody.call(this, a, b);
  };
};
